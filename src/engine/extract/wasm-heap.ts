/**
 * Direct 32-bit memory access for web-tree-sitter's glue. Every node accessor marshals the node into wasm memory and
 * back through the emscripten module's getValue/setValue, five 32-bit values each way, and those functions test their
 * type string on every call (measured: about 2 ms of a 5,000-line Python extraction). The object given to
 * Parser.init is that module (emscripten builds the module on its options object; the glue calls
 * `module.getValue(ptr, "i32")`), so once it is initialized its "i32" reads and writes can go straight to its HEAP32
 * view. The view is looked up on every access (wasm memory growth replaces it); other types keep the module's own
 * functions. Nothing changes on a big-endian host (the glue reads memory as little-endian, HEAP32 is in host order)
 * or on a module without these members (another build of the runtime).
 */

/** The members of the emscripten module used here. */
export interface HeapModule {
  HEAP32?: Int32Array;
  getValue?: (ptr: number, type?: string) => number;
  setValue?: (ptr: number, value: number, type?: string) => void;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Routes the module's "i32" getValue/setValue to its HEAP32 view; returns whether it did. */
export function useDirectHeapAccess(mod: HeapModule, littleEndian = LITTLE_ENDIAN): boolean {
  const getValue = mod.getValue;
  const setValue = mod.setValue;
  if (!littleEndian || !(mod.HEAP32 instanceof Int32Array) || typeof getValue !== 'function' || typeof setValue !== 'function') return false;
  mod.getValue = (ptr: number, type?: string): number => (type === 'i32' ? mod.HEAP32![ptr >> 2] : getValue(ptr, type));
  mod.setValue = (ptr: number, value: number, type?: string): void => {
    if (type === 'i32') mod.HEAP32![ptr >> 2] = value;
    else setValue(ptr, value, type);
  };
  return true;
}
