#!/usr/bin/env node
// Generates the differential corpus: inputs rendered from libphonenumber's
// example numbers in many styles, plus broken ones, with Google's answers
// (google-libphonenumber, the JavaScript build of Google's library).
// Writes tests/corpus/google.json; `cargo test` reads it and needs no Node.
//
//   node tests/corpus/generate.js
//
// Deterministic: the same package version gives the same file.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const lib = require('google-libphonenumber');

const util = lib.PhoneNumberUtil.getInstance();
const PNF = lib.PhoneNumberFormat;
const PNT = lib.PhoneNumberType;
const TYPE_NAMES = {
  [PNT.FIXED_LINE]: 'fixed_line', [PNT.MOBILE]: 'mobile', [PNT.FIXED_LINE_OR_MOBILE]: 'fixed_line_or_mobile',
  [PNT.TOLL_FREE]: 'toll_free', [PNT.PREMIUM_RATE]: 'premium_rate', [PNT.SHARED_COST]: 'shared_cost',
  [PNT.VOIP]: 'voip', [PNT.PERSONAL_NUMBER]: 'personal_number', [PNT.PAGER]: 'pager', [PNT.UAN]: 'uan',
  [PNT.VOICEMAIL]: 'voicemail', [PNT.UNKNOWN]: 'unknown',
};
const TYPES = [PNT.FIXED_LINE, PNT.MOBILE, PNT.TOLL_FREE, PNT.PREMIUM_RATE, PNT.SHARED_COST, PNT.VOIP,
  PNT.PERSONAL_NUMBER, PNT.PAGER, PNT.UAN, PNT.VOICEMAIL];
const DESC_GETTERS = ['getFixedLine', 'getMobile', 'getTollFree', 'getPremiumRate', 'getSharedCost', 'getVoip',
  'getPersonalNumber', 'getPager', 'getUan', 'getVoicemail'];
const ERRORS = {
  'Invalid country calling code': 'invalid_country_code',
  'The string supplied did not seem to be a phone number': 'not_a_number',
  'Phone number too short after IDD': 'too_short',
  'The string supplied is too short to be a phone number': 'too_short',
  'The string supplied is too long to be a phone number': 'too_long',
};

// Our metadata comes from the `phonenumber` crate; regions whose patterns
// differ between its XML and this package are flagged, so a disagreement
// there can be told apart from an engine difference.
function crateMetadataXml() {
  const meta = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1'], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  const pkg = meta.packages.find((p) => p.name === 'phonenumber');
  return fs.readFileSync(path.join(path.dirname(pkg.manifest_path), 'assets', 'PhoneNumberMetadata.xml'), 'utf8');
}
function differingRegions() {
  const xml = crateMetadataXml();
  const tags = ['fixedLine', 'mobile', 'tollFree', 'premiumRate', 'sharedCost', 'voip', 'personalNumber', 'pager', 'uan', 'voicemail'];
  const out = new Set();
  const re = /<territory\b([^>]*)>([\s\S]*?)<\/territory>/g;
  let m;
  while ((m = re.exec(xml))) {
    const id = /\bid="([^"]+)"/.exec(m[1])[1];
    const cc = Number(/countryCode="(\d+)"/.exec(m[1])[1]);
    const key = id === '001' ? `001/${cc}` : id;
    const md = id === '001' ? util.getMetadataForNonGeographicalRegion(cc) : util.getMetadataForRegion(id);
    if (!md) { out.add(key); continue; }
    const clean = (s) => s.replace(/\s+/g, '');
    const general = /<generalDesc>[\s\S]*?<nationalNumberPattern>([\s\S]*?)<\/nationalNumberPattern>/.exec(m[2]);
    if (general && clean(general[1]) !== md.getGeneralDesc().getNationalNumberPattern()) out.add(key);
    for (const [i, tag] of tags.entries()) {
      const t = new RegExp(`<${tag}>[\\s\\S]*?<nationalNumberPattern>([\\s\\S]*?)</nationalNumberPattern>`).exec(m[2]);
      const d = md[['getFixedLine', 'getMobile', 'getTollFree', 'getPremiumRate', 'getSharedCost', 'getVoip', 'getPersonalNumber', 'getPager', 'getUan', 'getVoicemail'][['fixedLine', 'mobile', 'tollFree', 'premiumRate', 'sharedCost', 'voip', 'personalNumber', 'pager', 'uan', 'voicemail'].indexOf(tag)]]();
      const theirs = d && d.hasNationalNumberPattern() ? d.getNationalNumberPattern() : null;
      if ((t ? clean(t[1]) : null) !== theirs) out.add(key);
      void i;
    }
    const npp = /nationalPrefixForParsing="([^"]*)"/.exec(m[1]);
    if (npp && clean(npp[1]) !== (md.getNationalPrefixForParsing() || '')) out.add(key);
  }
  return out;
}

function google(input, region) {
  try {
    const n = util.parse(input, region);
    return {
      e164: util.format(n, PNF.E164),
      valid: util.isValidNumber(n),
      type: TYPE_NAMES[util.getNumberType(n)],
      region: util.getRegionCodeForNumber(n) || null,
    };
  } catch (e) {
    const code = ERRORS[e.message] || 'other:' + e.message;
    return { error: code };
  }
}

const FULLWIDTH = (s) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))).replace(/\+/g, '\uff0b');
const ARABIC_INDIC = (s) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
const KEYS = { 2: 'ABC', 3: 'DEF', 4: 'GHI', 5: 'JKL', 6: 'MNO', 7: 'PQRS', 8: 'TUV', 9: 'WXYZ' };

const cases = [];
const seen = new Set();
function add(input, region, style, source) {
  const key = input + '\u0000' + region;
  if (seen.has(key)) return;
  seen.add(key);
  cases.push({ input, region, style, source, google: google(input, region) });
}

function examples() {
  const out = [];
  for (const region of util.getSupportedRegions().sort()) {
    for (const [i, t] of TYPES.entries()) {
      const n = util.getExampleNumberForType(region, t);
      if (n) out.push({ region, n, type: DESC_GETTERS[i] });
    }
  }
  for (const cc of util.getSupportedGlobalNetworkCallingCodes().sort((a, b) => a - b)) {
    const md = util.getMetadataForNonGeographicalRegion(cc);
    for (const g of DESC_GETTERS) {
      const d = md[g]();
      if (d && d.hasExampleNumber()) {
        out.push({ region: '001', n: util.parse('+' + cc + d.getExampleNumber(), 'ZZ'), type: g });
      }
    }
  }
  return out;
}

const all = examples();
for (const { region, n, type } of all) {
  const src = `${region}/${type}`;
  const e164 = util.format(n, PNF.E164);
  const intl = util.format(n, PNF.INTERNATIONAL);
  const home = region === '001' ? 'US' : region;
  const national = util.format(n, PNF.NATIONAL);
  const other = home === 'US' ? 'DE' : 'US';
  add(e164, other, 'e164', src);
  add(intl, other, 'international', src);
  if (region !== '001') add(national, home, 'national', src);
  add(util.format(n, PNF.RFC3966), other, 'tel_uri', src);
  add(util.format(n, PNF.RFC3966) + ';ext=' + (n.getNationalNumber() % 1000), other, 'tel_uri_ext', src);
  add(util.formatOutOfCountryCallingNumber(n, other), other, 'idd', src);
  add(intl.replace(/ /g, '\u00a0'), other, 'nbsp', src);
  add(intl + ' ext. 12', other, 'ext_word', src);
  add(intl + ' x' + (n.getNationalNumber() % 97), other, 'ext_x', src);
  add(FULLWIDTH(e164), other, 'fullwidth', src);
  if (region !== '001') {
    add(ARABIC_INDIC(national), home, 'arabic_indic', src);
    add('Tel: ' + national, home, 'label', src);
    add(national.replace(/ /g, '-'), home, 'dashes', src);
    add(national.replace(/[^0-9]/g, ''), home, 'digits_only', src);
    const md = util.getMetadataForRegion(region);
    const np = md.getNationalPrefix();
    const nsn = util.getNationalSignificantNumber(n);
    if (np === '0' && national.replace(/[^0-9]/g, '').startsWith('0' + nsn.slice(0, 1))) {
      add(`+${n.getCountryCode()} (0)${national.replace(/^\D*0/, '')}`, other, 'trunk_in_parens', src);
    }
    // Broken on purpose: too short, too long, one digit changed.
    add(`+${n.getCountryCode()} ${nsn.slice(0, 2)}`, other, 'broken_too_short', src);
    add(`+${n.getCountryCode()} ${nsn}0123456789`, other, 'broken_too_long', src);
    const last = nsn.slice(-1);
    add(`+${n.getCountryCode()} ${nsn.slice(0, -1)}${(Number(last) + 5) % 10}`, other, 'broken_digit_changed', src);
  }
  if (n.getCountryCode() === 1) {
    const digits = e164.slice(2);
    const tail = digits.slice(-4);
    if (/^[2-9]{4}$/.test(tail)) {
      add('1-' + digits.slice(0, 3) + '-' + digits.slice(3, 6) + '-' + [...tail].map((d) => KEYS[d][1]).join(''), 'US', 'vanity', src);
    }
  }
}
for (const [input, region] of [
  ['', 'US'], ['hello', 'US'], ['12', 'US'], ['++--', 'US'], ['+999 1234 5678', 'US'], ['+0 212 555 0123', 'US'],
  ['+1', 'US'], ['call me', 'GB'], ['555', 'US'], ['+44', 'GB'], ['0000000000', 'US'], ['+1 000 000 0000', 'US'],
  ['ext 123', 'US'], ['+800', 'US'], ['#', 'US'], ['1' + '2'.repeat(30), 'US'], ['+49 (0) 30 1234 5678', 'DE'],
  ['00 00 00', 'FR'], ['+33 0 1 23 45 67 89', 'FR'], ['tel:', 'US'], ['tel:+', 'US'], ['*123#', 'US'],
]) {
  add(input, region, 'garbage', 'fixed');
}

const differs = differingRegions();
const pkgVersion = require('google-libphonenumber/package.json').version;
const out = {
  oracle: `google-libphonenumber ${pkgVersion}`,
  generatedBy: 'tests/corpus/generate.js',
  metadataDiffers: [...differs].sort(),
  cases,
};
fs.writeFileSync(path.join(__dirname, 'google.json'), JSON.stringify(out, null, 0).replace(/\},\{"input"/g, '},\n{"input"') + '\n');
console.log(`${cases.length} cases from ${all.length} example numbers; ${differs.size} regions whose metadata differs`);
