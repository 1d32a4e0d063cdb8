import type { Command } from './types.js';
import { UsageError } from '../args.js';

// Placeholder until the command's issue lands; it refuses clearly rather than pretending.
export const replan: Command = {
  summary: '(not available yet)',
  help: 'vrpkit replan: not available yet',
  async run() {
    throw new UsageError("'replan' is not available yet");
  },
};
