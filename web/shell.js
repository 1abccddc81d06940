// Configures the Emscripten glue (muamala.js, loaded next, reads the global `Module`) and shows a
// plain failure message if the app cannot start. Everything else happens in the wasm.
'use strict';

function showFailure() {
  document.getElementById('status').hidden = true;
  document.getElementById('failure').hidden = false;
}

var Module = {
  canvas: document.getElementById('canvas'),
  print: (text) => console.log(text),
  printErr: (text) => console.warn(text),
  onAbort: showFailure,  // the wasm could not be fetched or compiled, or stopped on an error
};

// The app does not rebuild its GPU state, so a lost WebGL context (GPU reset, driver update) needs a
// reload; say so rather than leave a frozen picture.
Module.canvas.addEventListener('webglcontextlost', showFailure);
