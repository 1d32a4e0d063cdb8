// bench:solver — written with the solver issue
console.log('bench:solver not available yet');
