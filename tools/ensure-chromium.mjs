#!/usr/bin/env node
// The browser tests drive Debian's Chromium (never a downloaded one). CHROMIUM_PATH points
// elsewhere if needed.
import { ensureDebianPackage } from './ensure-debian-package.mjs';

ensureDebianPackage({
  label: 'Chromium',
  pkg: 'chromium',
  path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  envVar: 'CHROMIUM_PATH',
  purpose: 'the browser tests',
});
