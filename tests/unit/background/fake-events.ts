/** fakeBrowser has no webRequest or tabs.onReplaced: minimal events with a trigger, like its other events. */
export function fakeEvent<T extends (...args: any[]) => unknown>() {
  const listeners: T[] = [];
  return {
    addListener: (l: T) => void listeners.push(l),
    removeListener: (l: T) => void listeners.splice(listeners.indexOf(l), 1),
    hasListener: (l: T) => listeners.includes(l),
    removeAllListeners: () => void (listeners.length = 0),
    trigger: (...args: Parameters<T>) => listeners.map((l) => l(...args)),
  };
}
