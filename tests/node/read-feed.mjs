// Reads an RSS or Atom feed (a file, given as the only argument) with feedparser, as Node.js feed
// readers and newsroom ingest scripts do, and prints what it understood as JSON: the feed's meta
// and, per entry, the fields a reader shows. Dates are ISO 8601 strings, or null where feedparser
// read none. Exits 1, saying why, when feedparser rejects the feed.
import { createReadStream } from 'node:fs';
import FeedParser from 'feedparser';

const file = process.argv[2];
if (!file) {
    console.error('usage: node read-feed.mjs <feed file>');
    process.exit(2);
}

const iso = (date) => (date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString() : null);
const text = (element) => (element && typeof element === 'object' ? element['#'] ?? null : element ?? null);
const list = (value) => (value === undefined || value === null ? [] : [].concat(value));

// Every author an entry names: RSS dc:creator elements, or Atom author elements by name.
// feedparser's own `author` keeps one of them; the raw elements it passes along keep them all.
const authors = (item) => {
    const creators = list(item['dc:creator']).map(text);
    const atom = list(item['atom:author']).map((author) => text(author.name ?? author['atom:name']));
    return [...creators, ...atom].filter((name) => name);
};

const links = (item) => list(item['atom:link']).map((link) => ({
    rel: link['@']?.rel ?? null,
    type: link['@']?.type ?? null,
    href: link['@']?.href ?? null,
}));

const parser = new FeedParser({ normalize: true, addmeta: false });
const items = [];
let meta = null;

parser.on('error', (error) => {
    console.error(`feedparser: ${error.message}`);
    process.exit(1);
});
parser.on('meta', (m) => {
    meta = { type: m['#type'], title: m.title, link: m.link, date: iso(m.date), pubdate: iso(m.pubdate), xmlurl: m.xmlurl };
});
parser.on('readable', function read() {
    let item;
    while ((item = this.read())) {
        items.push({
            guid: item.guid,
            title: item.title,
            link: item.link,
            date: iso(item.date),
            pubdate: iso(item.pubdate),
            author: item.author,
            authors: authors(item),
            summary: item.summary,
            description: item.description,
            categories: item.categories,
            links: links(item),
        });
    }
});
parser.on('end', () => {
    process.stdout.write(JSON.stringify({ meta, items }));
});

createReadStream(file).pipe(parser);
