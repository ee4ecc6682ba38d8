import { withCategoryMethods } from './category-methods';
import type { Logger } from './log-types';

/** A logger that does nothing, for when debug logging is off (and as a safe default in tests). */
export const silentLogger: Logger = withCategoryMethods(false, () => {});
