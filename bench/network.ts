// bench:network — written with the road network issue
console.log('bench:network not available yet');
