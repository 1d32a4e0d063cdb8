import type { Command } from './types.js';
import { UsageError } from '../args.js';

// Placeholder until the command's issue lands; it refuses clearly rather than pretending.
export const cluster: Command = {
  summary: '(not available yet)',
  help: 'vrpkit cluster: not available yet',
  async run() {
    throw new UsageError("'cluster' is not available yet");
  },
};
