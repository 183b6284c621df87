interface HelperData {
  ctl: Int32Array;
  next: Int32Array;
  port: { postMessage(message: unknown): void };
}
interface Task {
  gen: number;
  thread: number;
  source: string;
  args: Float64Array;
  blocks: number;
  data?: { buffer: SharedArrayBuffer; type: string; offset: number; length: number };
  module?: object;
  memory?: object;
}
type Driver = (
  exports: object,
  memory: object,
  data: unknown,
  block: number,
  thread: number,
  args: Float64Array,
) => void;
type Ctor = new (buffer: SharedArrayBuffer, offset: number, length: number) => unknown;

/**
 * A helper thread of the wasm thread pool (threads.ts), started from this function's source text,
 * so it uses nothing outside itself. Control words: 0 the run to do (wake), 1 the last run done,
 * 2 failed, 3 ready. Each run's task arrives on the port before the wake; blocks are taken from
 * the shared counter `next`, as on the calling thread.
 */
export function helperMain(): void {
  // not `require`, which bundlers rewrite to a helper of their own that this thread lacks
  const proc = (globalThis as unknown as { process: { getBuiltinModule(id: string): unknown } }).process;
  const wt = proc.getBuiltinModule('node:worker_threads') as {
    workerData: HelperData;
    receiveMessageOnPort(port: object): { message: Task } | undefined;
  };
  const { ctl, next, port } = wt.workerData;
  const drivers = new Map<string, Driver>();
  let exports: object | null = null;
  let memory: object | null = null;
  let seen = Atomics.load(ctl, 0);
  Atomics.store(ctl, 3, 1);
  for (;;) {
    Atomics.wait(ctl, 0, seen);
    const gen = Atomics.load(ctl, 0);
    seen = gen;
    let task: Task | undefined;
    for (let m = wt.receiveMessageOnPort(port); m !== undefined; m = wt.receiveMessageOnPort(port)) task = m.message;
    try {
      if (task === undefined || task.gen !== gen) throw new Error(`no task arrived for run ${gen}`);
      if (task.module !== undefined) {
        exports = null;
        memory = task.memory as object;
        const api = (
          globalThis as unknown as { WebAssembly: { Instance: new (m: object, i: object) => { exports: object } } }
        ).WebAssembly;
        exports = new api.Instance(task.module, { env: { memory } }).exports;
      }
      if (exports === null || memory === null) throw new Error('no wasm instance (the module was never sent)');
      let driver = drivers.get(task.source);
      if (driver === undefined) {
        driver = new Function(`return (${task.source});`)() as Driver;
        if (drivers.size >= 16) drivers.clear();
        drivers.set(task.source, driver);
      }
      const d = task.data;
      const data =
        d === undefined
          ? null
          : new (globalThis as unknown as Record<string, Ctor>)[d.type]!(d.buffer, d.offset, d.length);
      for (let b = Atomics.add(next, 0, 1); b < task.blocks; b = Atomics.add(next, 0, 1))
        driver(exports, memory, data, b, task.thread, task.args);
    } catch (e) {
      Atomics.store(ctl, 2, 1);
      port.postMessage(e instanceof Error ? e.message : String(e));
    }
    Atomics.store(ctl, 1, gen);
    Atomics.notify(ctl, 1);
  }
}
