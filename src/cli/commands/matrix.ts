import type { Command } from './types.js';
import { UsageError } from '../args.js';

// Placeholder until the command's issue lands; it refuses clearly rather than pretending.
export const matrix: Command = {
  summary: '(not available yet)',
  help: 'vrpkit matrix: not available yet',
  async run() {
    throw new UsageError("'matrix' is not available yet");
  },
};
