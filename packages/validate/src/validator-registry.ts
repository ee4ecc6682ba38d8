interface Clearable {
  clearCache(): void;
}

// One set per realm, shared by every copy of this package loaded in it (ESM and CJS builds side by
// side), so clearValidatorCache() reaches validators whichever copy created them. Weak references
// only: a validator nobody holds can still be collected.
const registryKey = Symbol.for('@runware/validate/validators');
const holder = globalThis as { [registryKey]?: Set<WeakRef<Clearable>> };

function validators(): Set<WeakRef<Clearable>> {
  const existing = holder[registryKey];
  if (existing) return existing;
  const created = new Set<WeakRef<Clearable>>();
  holder[registryKey] = created;
  return created;
}

/** Remembers a validator for clearValidatorCache(), forgetting collected ones. */
export function registerValidator(validator: Clearable): void {
  const set = validators();
  for (const ref of set) if (!ref.deref()) set.delete(ref);
  set.add(new WeakRef(validator));
}

/**
 * Clears the schema caches of every validator created by createValidator in this realm
 * (seed-compatible convenience; each validator also has clearCache()).
 */
export function clearValidatorCache(): void {
  const set = validators();
  for (const ref of set) {
    const validator = ref.deref();
    if (validator) validator.clearCache();
    else set.delete(ref);
  }
}
