#!/usr/bin/env node
import '../dist/leadaudit.mjs';
