/**
 * Whether this runtime lets code compile from strings (`new Function`), which ajv needs to compile
 * a schema fetched at run time. Cloudflare Workers (workerd) and pages under a Content-Security-Policy
 * without `'unsafe-eval'` refuse it (an EvalError); there, only the precompiled validators run.
 */
export function canGenerateCode(): boolean {
  try {
    return new Function('return true')() === true;
  } catch {
    return false;
  }
}
