import type { Command } from './types.js';
import { UsageError } from '../args.js';

// Placeholder until the command's issue lands; it refuses clearly rather than pretending.
export const validate: Command = {
  summary: '(not available yet)',
  help: 'vrpkit validate: not available yet',
  async run() {
    throw new UsageError("'validate' is not available yet");
  },
};
