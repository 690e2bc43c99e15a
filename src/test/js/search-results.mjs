// Runs the archive's search.js matching on a search.json, as the browser would, and prints one JSON line a query:
// {"query", "total", "results": [{"slug", "title", "why": ["field: text with <mark>…</mark>", ...]}]}.
// Arguments: search.js, search.json.gz, today (YYYY-MM-DD), the limit, then the queries.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { gunzipSync } from 'node:zlib';

const [scriptFile, indexFile, today, limit, ...queries] = process.argv.slice(2);
const sandbox = { module: { exports: {} } };
vm.runInNewContext(readFileSync(scriptFile, 'utf8'), sandbox);
const search = sandbox.module.exports;
const index = JSON.parse(gunzipSync(readFileSync(indexFile)).toString('utf8'));
const talks = search.prepare(index);
const marked = pieces => pieces.map(([text, mark]) => (mark ? `<mark>${text}</mark>` : text)).join('');
for (const query of queries) {
  const found = search.search(talks, query, today, Number(limit));
  console.log(JSON.stringify({
    query,
    total: found.total,
    results: found.results.map(r => ({
      slug: r.talk.slug,
      title: marked(search.highlight(r.talk.values[0], found.words)),
      why: r.fields.filter(f => f > 0)
        .map(f => `${index.fields[f]}: ${marked(search.highlight(r.talk.values[f], found.words, 140))}`),
    })),
  }));
}
