// Stands in for the emscripten glue in tests/server.
console.log("fixture line 1: the server serves this file as text/javascript");
console.log("fixture line 2: the server serves this file as text/javascript");
console.log("fixture line 3: the server serves this file as text/javascript");
console.log("fixture line 4: the server serves this file as text/javascript");
console.log("fixture line 5: the server serves this file as text/javascript");
console.log("fixture line 6: the server serves this file as text/javascript");
console.log("fixture line 7: the server serves this file as text/javascript");
console.log("fixture line 8: the server serves this file as text/javascript");
console.log("fixture line 9: the server serves this file as text/javascript");
console.log("fixture line 10: the server serves this file as text/javascript");
