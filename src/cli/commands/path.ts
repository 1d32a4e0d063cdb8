import type { Command } from './types.js';
import { UsageError } from '../args.js';

// Placeholder until the command's issue lands; it refuses clearly rather than pretending.
export const path: Command = {
  summary: '(not available yet)',
  help: 'vrpkit path: not available yet',
  async run() {
    throw new UsageError("'path' is not available yet");
  },
};
