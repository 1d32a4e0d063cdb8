import type { Command } from './types.js';
import { UsageError } from '../args.js';

// Placeholder until the command's issue lands; it refuses clearly rather than pretending.
export const solve: Command = {
  summary: '(not available yet)',
  help: 'vrpkit solve: not available yet',
  async run() {
    throw new UsageError("'solve' is not available yet");
  },
};
