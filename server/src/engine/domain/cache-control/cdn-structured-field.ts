// Reads CDN-Cache-Control / Cloudflare-CDN-Cache-Control as what they are: RFC 8941 Structured-Field Dictionaries
// (RFC 9213 §2.1, domain.md §0). Finds what a strict recipient does with the value: ignores the whole field (parse error,
// empty), drops one directive (a lifetime that is not a non-negative Integer), or ignores a parameter after `;`.
import { DELTA_DIRECTIVES } from '../../parse/cache-control-directives';

/** What a strict RFC 9213 recipient does with one part of the value. Offsets are relative to the value string. */
export type SfProblem =
  /** Parse error or empty value: the whole field is ignored. */
  | { kind: 'parse-error'; start: number; end: number; reason: string; fixable?: { text: string; title: string } }
  /** Valid SF, but a lifetime that is not a non-negative Integer: that directive is dropped. */
  | { kind: 'dropped'; start: number; end: number; key: string; member: string; valueStart: number; valueEnd: number; replacement?: string }
  /** `;` starts a parameter, which caches ignore: the text after it is not a directive. */
  | { kind: 'parameter'; start: number; end: number; owner: string; parameter: string; separator: number };

/** Problems of a targeted-field value in source order; empty for a valid value. */
export function structuredFieldProblems(value: string): SfProblem[] {
  return new SfReader(value).read();
}

const KEY_START = /[a-z*]/;
const KEY_CHAR = /[a-z0-9_\-.*]/;
const TOKEN_START = /[A-Za-z*]/;
const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z:/]/;
const DIGIT = /[0-9]/;

type Item = { type: 'integer' | 'decimal' | 'string' | 'token' | 'bytes' | 'boolean' | 'inner-list'; start: number; end: number; number?: number; string?: string };

class SfError {
  constructor(readonly at: number, readonly reason: string) {}
}

class SfReader {
  private pos = 0;
  private readonly problems: SfProblem[] = [];

  constructor(private readonly text: string) {}

  read(): SfProblem[] {
    const { text } = this;
    const first = text.search(/[^ \t]/);
    if (first < 0) return [{ kind: 'parse-error', start: 0, end: text.length, reason: 'the value is empty' }];
    this.pos = first;
    const last = text.length - (text.length - text.trimEnd().length);
    try {
      while (this.pos < last) {
        this.member();
        this.skip(/[ \t]/);
        if (this.pos >= last) break;
        if (text[this.pos] !== ',') throw new SfError(this.pos, this.unexpected());
        this.pos++;
        this.skip(/[ \t]/);
        if (this.pos >= last) throw new SfError(this.pos - 1, 'a trailing comma');
      }
    } catch (error) {
      if (!(error instanceof SfError)) throw error;
      return [this.parseError(error)];
    }
    return this.problems;
  }

  private member(): void {
    const start = this.pos;
    const key = this.key();
    let item: Item | undefined;
    if (this.text[this.pos] === '=') {
      this.pos++;
      item = this.text[this.pos] === '(' ? this.innerList() : this.bareItem();
    }
    const memberEnd = this.pos;
    if (DELTA_DIRECTIVES.has(key) && !(key === 'max-stale' && !item) && !(item?.type === 'integer' && item.number! >= 0)) {
      const valueStart = item?.start ?? memberEnd;
      const valueEnd = item?.end ?? memberEnd;
      const replacement = item?.type === 'string' && /^\d+$/.test(item.string!) ? item.string
        : item?.type === 'decimal' && item.number! >= 0 ? String(Math.floor(item.number!)) : undefined;
      this.problems.push({ kind: 'dropped', start, end: memberEnd, key, member: this.text.slice(start, memberEnd), valueStart, valueEnd, replacement });
    }
    this.parameters(key, start, memberEnd);
  }

  private key(): string {
    const start = this.pos;
    if (!KEY_START.test(this.text[this.pos] ?? '')) throw new SfError(this.pos, this.badKey());
    while (KEY_CHAR.test(this.text[this.pos] ?? '')) this.pos++;
    return this.text.slice(start, this.pos);
  }

  private parameters(owner: string, ownerStart: number, ownerEnd: number): void {
    while (this.text[this.pos] === ';') {
      const separator = this.pos;
      this.pos++;
      this.skip(/ /);
      const start = this.pos;
      this.key();
      if (this.text[this.pos] === '=') {
        this.pos++;
        this.bareItem();
      }
      this.problems.push({ kind: 'parameter', start, end: this.pos, owner: this.text.slice(ownerStart, ownerEnd) || owner, parameter: this.text.slice(start, this.pos), separator });
    }
  }

  private innerList(): Item {
    const start = this.pos++;
    for (;;) {
      this.skip(/ /);
      if (this.text[this.pos] === ')') {
        this.pos++;
        this.parameters('', start, start);
        return { type: 'inner-list', start, end: this.pos };
      }
      if (this.pos >= this.text.length) throw new SfError(start, 'an unclosed "("');
      this.bareItem();
      this.parameters('', start, start);
      if (this.text[this.pos] !== ' ' && this.text[this.pos] !== ')') throw new SfError(this.pos, this.unexpected());
    }
  }

  private bareItem(): Item {
    const { text } = this;
    const start = this.pos;
    const ch = text[this.pos] ?? '';
    if (ch === '-' || DIGIT.test(ch)) return this.number();
    if (ch === '"') {
      let value = '';
      for (this.pos++; this.pos < text.length; this.pos++) {
        const c = text[this.pos]!;
        if (c === '\\') {
          const next = text[++this.pos];
          if (next !== '"' && next !== '\\') throw new SfError(this.pos - 1, 'a backslash escape other than \\" or \\\\ in a string');
          value += next;
        } else if (c === '"') {
          this.pos++;
          return { type: 'string', start, end: this.pos, string: value };
        } else if (c < ' ' || c > '~') throw new SfError(this.pos, 'a character that is not printable ASCII in a string');
        else value += c;
      }
      throw new SfError(start, 'an unterminated quote');
    }
    if (ch === ':') {
      const end = text.indexOf(':', this.pos + 1);
      if (end < 0 || !/^[A-Za-z0-9+/=]*$/.test(text.slice(this.pos + 1, end))) throw new SfError(start, 'a malformed byte sequence');
      this.pos = end + 1;
      return { type: 'bytes', start, end: this.pos };
    }
    if (ch === '?') {
      if (text[this.pos + 1] !== '0' && text[this.pos + 1] !== '1') throw new SfError(start, 'a "?" that is not ?0 or ?1');
      this.pos += 2;
      return { type: 'boolean', start, end: this.pos };
    }
    if (TOKEN_START.test(ch)) {
      while (TOKEN_CHAR.test(text[this.pos] ?? '')) this.pos++;
      return { type: 'token', start, end: this.pos };
    }
    throw new SfError(start, ch === '' ? 'a missing value after "="' : this.unexpected());
  }

  private number(): Item {
    const { text } = this;
    const start = this.pos;
    if (text[this.pos] === '-') this.pos++;
    const digitsStart = this.pos;
    while (DIGIT.test(text[this.pos] ?? '')) this.pos++;
    const intDigits = this.pos - digitsStart;
    if (intDigits === 0) throw new SfError(start, 'a "-" without digits');
    if (text[this.pos] !== '.') {
      if (intDigits > 15) throw new SfError(start, 'an integer longer than 15 digits');
      return { type: 'integer', start, end: this.pos, number: Number(text.slice(start, this.pos)) };
    }
    this.pos++;
    const fracStart = this.pos;
    while (DIGIT.test(text[this.pos] ?? '')) this.pos++;
    const fracDigits = this.pos - fracStart;
    if (intDigits > 12 || fracDigits === 0 || fracDigits > 3) throw new SfError(start, 'a malformed decimal');
    return { type: 'decimal', start, end: this.pos, number: Number(text.slice(start, this.pos)) };
  }

  private skip(chars: RegExp): void {
    while (chars.test(this.text[this.pos] ?? '')) this.pos++;
  }

  private unexpected(): string {
    const ch = this.text[this.pos];
    if (ch === ' ' || ch === '\t') return 'a space where "," or "=" belongs';
    if (ch === ':') return 'a ":" instead of "="';
    if (ch !== undefined && /[a-z]/i.test(ch)) return `the text "${this.text.slice(this.pos).split(/[,; ]/)[0]}" after a number (units are not allowed)`;
    return `an unexpected "${ch}"`;
  }

  private badKey(): string {
    const ch = this.text[this.pos] ?? '';
    if (/[A-Z]/.test(ch)) return 'an uppercase directive name (structured-field keys are lowercase)';
    if (ch === ',') return 'an empty list member';
    if (ch === ';') return 'an empty list member before ";"';
    if (ch === '') return 'a ";" with no parameter after it';
    return `an unexpected "${ch}" where a directive name belongs`;
  }

  private parseError(error: SfError): SfProblem {
    const end = Math.min(this.text.length, Math.max(error.at + 1, this.text.slice(error.at).search(/[,;]|$/) + error.at));
    const problem: SfProblem = { kind: 'parse-error', start: error.at, end, reason: error.reason };
    // Uppercase keys: lowercasing them all gives the value the meaning its author intended.
    if (error.reason.startsWith('an uppercase')) {
      const lowered = this.text.replace(/(^|[,;]\s*)([A-Za-z*][A-Za-z0-9_\-.*]*)/g, (_, sep: string, key: string) => sep + key.toLowerCase());
      if (structuredFieldProblems(lowered).every((p) => p.kind !== 'parse-error')) problem.fixable = { text: lowered, title: 'Lowercase the directive names' };
    }
    return problem;
  }
}
