// The console's Web Worker (src/ui/console_worker.rs starts it on the console's first use):
// loads the interpreter's WebAssembly, built by Trunk from the fanout-console binary, and
// tells the page when it cannot, so the console can say so at once.
importScripts('./fanout-console.js');
wasm_bindgen('./fanout-console_bg.wasm').catch((e) => postMessage(`load-failed ${e}`));
