import type { Command } from './types.js';
import { UsageError } from '../args.js';

// Placeholder until the command's issue lands; it refuses clearly rather than pretending.
export const sla: Command = {
  summary: '(not available yet)',
  help: 'vrpkit sla: not available yet',
  async run() {
    throw new UsageError("'sla' is not available yet");
  },
};
