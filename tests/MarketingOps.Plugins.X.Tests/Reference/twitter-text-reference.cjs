// The reference X counts against: twitter-text 3.1.0 from npm (with the twemoji-parser it pins).
// Usage: node twitter-text-reference.cjs patterns        -> the regular expressions it uses, as JSON
//        node twitter-text-reference.cjs parse FILE.json -> parseTweet of each string in the file's JSON array
'use strict';
const fs = require('fs');
const twitter = require('twitter-text');
const twemoji = require('twemoji-parser/dist/lib/regex').default;

const [mode, file] = process.argv.slice(2);
if (mode === 'patterns') {
  const r = twitter.regexen;
  const invalid = require('twitter-text/dist/regexp/invalidUrlWithoutProtocolPrecedingChars');
  process.stdout.write(JSON.stringify({
    version: require('twitter-text/package.json').version,
    twemojiParser: require('twemoji-parser/package.json').version,
    extractUrl: r.extractUrl.source,
    validAsciiDomain: r.validAsciiDomain.source,
    validTcoUrl: r.validTcoUrl.source,
    invalidUrlWithoutProtocolPrecedingChars: invalid.source,
    emoji: twemoji.source,
  }));
} else if (mode === 'parse') {
  const texts = JSON.parse(fs.readFileSync(file, 'utf8'));
  const results = texts.map(text => {
    const p = twitter.parseTweet(text);
    return { weightedLength: p.weightedLength, valid: p.valid, permillage: p.permillage, validRangeEnd: p.validRangeEnd, displayRangeEnd: p.displayRangeEnd };
  });
  process.stdout.write(JSON.stringify(results));
} else {
  process.stderr.write('usage: twitter-text-reference.cjs patterns | parse FILE.json\n');
  process.exit(2);
}
