// The core's folder boundaries, held by lint: a folder of main/ is entered through its index.ts only,
// and the folders' imports form no cycle. Tests sit above every folder: they obey the entry rule,
// and their imports do not count as the folder's dependencies.
import fs from 'node:fs';
import path from 'node:path';

const sourceFile = /\.(ts|tsx|js|mjs)$/;
const testFile = /\.test\.(ts|tsx|js|mjs)$/;
const importSpecifier =
  /(?:^|[\s;])(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The folder of main/ a path lies in, the file's place in it, or nothing outside main/. */
function placeIn(root, file) {
  const rel = path.relative(root, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const parts = rel.split(path.sep);
  if (parts.length < 2) return { folder: '.', rest: parts[0] };
  return { folder: parts[0], rest: parts.slice(1).join('/') };
}

const isEntry = (rest) => rest === '' || /^index(\.[jt]sx?)?$/.test(rest);

function listSources(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSources(p));
    else if (sourceFile.test(entry.name) && !testFile.test(entry.name)) out.push(p);
  }
  return out;
}

/** Folder → folders it imports (tests left out), read from the files on disk once per lint run. */
const graphs = new Map();
function folderGraph(root) {
  const cached = graphs.get(root);
  if (cached) return cached;
  const graph = new Map();
  for (const file of listSources(root)) {
    const from = placeIn(root, file);
    if (!from || from.folder === '.') continue;
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(importSpecifier)) {
      const spec = m[1] ?? m[2];
      if (!spec.startsWith('.')) continue;
      const to = placeIn(root, path.resolve(path.dirname(file), spec));
      if (!to || to.folder === '.' || to.folder === from.folder) continue;
      if (!graph.has(from.folder)) graph.set(from.folder, new Set());
      graph.get(from.folder).add(to.folder);
    }
  }
  graphs.set(root, graph);
  return graph;
}

/** A path of folders from `start` to `goal`, or undefined. */
function pathBetween(graph, start, goal) {
  const seen = new Set([start]);
  const queue = [[start]];
  while (queue.length) {
    const trail = queue.shift();
    const last = trail[trail.length - 1];
    if (last === goal) return trail;
    for (const next of graph.get(last) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push([...trail, next]);
    }
  }
  return undefined;
}

/** Calls `check(node, specifier)` for every static import, re-export and dynamic import. */
function eachImport(check) {
  const fromSource = (node) => {
    if (node.source && typeof node.source.value === 'string') check(node.source, node.source.value);
  };
  return {
    ImportDeclaration: fromSource,
    ExportNamedDeclaration: fromSource,
    ExportAllDeclaration: fromSource,
    ImportExpression(node) {
      if (node.source.type === 'Literal' && typeof node.source.value === 'string')
        check(node.source, node.source.value);
    },
  };
}

const rootOption = {
  type: 'object',
  properties: { root: { type: 'string' } },
  additionalProperties: false,
};

const coreRoot = (context) => path.resolve(context.cwd, context.options[0]?.root ?? 'main');

/**
 * Calls `check(node, specifier, here, target)` for every relative import of the linted file that
 * reaches a folder of main/ other than its own; `here` is undefined for a file outside main/ or at
 * its top.
 */
function importsAcross(context, check) {
  const root = coreRoot(context);
  const placed = placeIn(root, context.filename);
  const here = placed && placed.folder !== '.' ? placed : undefined;
  return eachImport((node, spec) => {
    if (!spec.startsWith('.')) return;
    const target = placeIn(root, path.resolve(path.dirname(context.filename), spec));
    if (!target || target.folder === '.' || target.folder === here?.folder) return;
    check(node, spec, here, target);
  });
}

const folderEntry = {
  meta: {
    type: 'problem',
    docs: { description: 'A folder of main/ is entered through its index.ts only.' },
    schema: [rootOption],
    messages: {
      bypass:
        "'{{spec}}' reaches into main/{{folder}}/{{rest}}: import it from main/{{folder}}/index.js (export it there if it belongs to the folder's surface).",
    },
  },
  create(context) {
    return importsAcross(context, (node, spec, here, target) => {
      if (isEntry(target.rest)) return;
      context.report({ node, messageId: 'bypass', data: { spec, folder: target.folder, rest: target.rest } });
    });
  },
};

const noFolderCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'The folders of main/ import each other without cycles.' },
    schema: [rootOption],
    messages: {
      cycle:
        'main/{{from}} imports main/{{to}}, which already depends on main/{{from}} ({{trail}}): move the shared part into a lower folder.',
    },
  },
  create(context) {
    if (testFile.test(context.filename)) return {};
    const graph = folderGraph(coreRoot(context));
    return importsAcross(context, (node, _spec, here, target) => {
      if (!here) return;
      const back = pathBetween(graph, target.folder, here.folder);
      if (back)
        context.report({
          node,
          messageId: 'cycle',
          data: { from: here.folder, to: target.folder, trail: [here.folder, ...back].join(' → ') },
        });
    });
  },
};

export default {
  meta: { name: 'almanac-boundaries' },
  rules: { 'folder-entry': folderEntry, 'no-folder-cycle': noFolderCycle },
};
