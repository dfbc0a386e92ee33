/** What a test's storage starts with; `full` makes every write throw as a full browser storage does. */
export interface MemoryStorageOptions {
  items?: Record<string, string>;
  full?: boolean;
}

/** A Storage held in memory, standing in for localStorage wherever the code under test is handed one. */
export function memoryStorage({ items = {}, full = false }: MemoryStorageOptions = {}): Storage {
  const data = new Map(Object.entries(items));
  return {
    get length() {
      return data.size;
    },
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      data.set(key, value);
    },
    removeItem: (key: string) => void data.delete(key),
    clear: () => data.clear(),
  };
}
