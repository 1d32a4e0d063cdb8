import type { Command } from './types.js';
import { UsageError } from '../args.js';

// Placeholder until the command's issue lands; it refuses clearly rather than pretending.
export const check: Command = {
  summary: '(not available yet)',
  help: 'vrpkit check: not available yet',
  async run() {
    throw new UsageError("'check' is not available yet");
  },
};
