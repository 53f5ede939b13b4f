#!/usr/bin/env node
'use strict';
// The CLI lives in the bundle so that it ships the same engine the extension uses.
require('../dist/cli.js');
