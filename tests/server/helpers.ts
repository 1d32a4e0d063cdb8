/** The process and HTTP helpers of the service tests live with the load benchmark that shares them. */
export * from '../../bench/tools/processes.js';
