// `npm run lookup`'s argument handling (scripts/lookup/args.ts): options in any case and either form, URLs as well as
// hosts, and bad input answered with an error that says what was wrong instead of a silent "none".
import { describe, expect, it } from 'vitest';
import { hostOfInput, inputSource, inputsFromText, parseJurisdiction, parseLookupArgs } from '@/scripts/lookup/args';

describe('parseLookupArgs', () => {
  it('takes hosts and URLs as inputs, in order, with the EEA as the default jurisdiction', () => {
    expect(parseLookupArgs(['www.temu.com', 'https://www.temu.com/x'])).toEqual({
      jurisdiction: 'EEA',
      ips: [],
      inputs: ['www.temu.com', 'https://www.temu.com/x'],
      rejected: [],
      help: false,
    });
  });

  it.each([
    [['--jurisdiction', 'eea'], 'EEA'],
    [['--jurisdiction', 'Uk'], 'UK'],
    [['--jurisdiction=ch'], 'CH'],
    [['--jurisdiction', ' us '], 'US'],
    [['--jurisdiction', 'US', '--jurisdiction', 'eea'], 'EEA'],
  ] as const)('%j sets the jurisdiction %s', (argv, expected) => {
    const args = parseLookupArgs([...argv, 'a.example']);
    expect(args.jurisdiction).toBe(expected);
    expect(args.fatal).toBeUndefined();
    expect(args.inputs).toEqual(['a.example']);
  });

  it.each([
    [['--jurisdiction', 'xx'], /--jurisdiction must be one of EEA, UK, CH, US.*"xx"/],
    [['--jurisdiction'], /--jurisdiction must be one of/],
    [['--jurisdiction', '--ip', '1.1.1.1'], /--jurisdiction must be one of/],
    [['--jurisdiction='], /--jurisdiction must be one of/],
    [['--fixtures'], /--fixtures needs a file/],
    [['--ip'], /--ip needs an address/],
  ] as const)('%j is a usage error that stops the lookup', (argv, message) => {
    expect(parseLookupArgs([...argv]).fatal).toMatch(message);
  });

  it('answers an unknown flag with an error and keeps the other inputs', () => {
    const args = parseLookupArgs(['--bogus', 'www.temu.com', '-x', '--jurisdictions=US']);
    expect(args.inputs).toEqual(['www.temu.com']);
    expect(args.rejected.map((r) => r.input)).toEqual(['--bogus', '-x', '--jurisdictions=US']);
    expect(args.rejected[0]!.error).toMatch(/^unknown option --bogus/);
    expect(args.rejected[2]!.error).toMatch(/^unknown option --jurisdictions /);
    expect(args.fatal).toBeUndefined();
  });

  it('reads --fixtures, repeated --ip, --help, and takes everything after -- as input', () => {
    const args = parseLookupArgs(['--fixtures', 'f.json', '--ip', '8.8.8.8', '--ip=::1', '-h', '--', '--not-a-flag']);
    expect(args).toMatchObject({ fixtures: 'f.json', ips: ['8.8.8.8', '::1'], help: true, inputs: ['--not-a-flag'], rejected: [] });
  });

  it('keeps an empty argument as input, so it is answered rather than dropped', () => {
    expect(parseLookupArgs(['']).inputs).toEqual(['']);
  });
});

describe('parseJurisdiction', () => {
  it('accepts each jurisdiction in any case and nothing else', () => {
    expect(['eea', 'EEA', 'eEa', 'uk', 'ch', 'us'].map(parseJurisdiction)).toEqual(['EEA', 'EEA', 'EEA', 'UK', 'CH', 'US']);
    expect(['', 'EU', 'EEA ', 'gb', undefined].map(parseJurisdiction)).toEqual([undefined, undefined, 'EEA', undefined, undefined]);
  });
});

describe('hostOfInput', () => {
  it.each([
    ['www.temu.com', 'www.temu.com'],
    ['WWW.Temu.COM.', 'www.temu.com'],
    ['temu.com:443', 'temu.com'],
    ['  www.temu.com  ', 'www.temu.com'],
    ['https://www.temu.com/x', 'www.temu.com'],
    ['HTTPS://WWW.TEMU.COM', 'www.temu.com'],
    ['http://www.temu.com:8080/a?b=c#d', 'www.temu.com'],
    ['https://user:pw@www.temu.com/', 'www.temu.com'],
    ['wss://socket.example.org/live', 'socket.example.org'],
    ['www.temu.com/x', 'www.temu.com'],
    ['www.temu.com?ref=1', 'www.temu.com'],
    ['https://bücher.example/', 'xn--bcher-kva.example'],
  ])('%j names the host %s', (input, host) => {
    expect(hostOfInput(input)).toEqual({ input, host });
  });

  it.each([
    ['', /^empty input/],
    ['   ', /^empty input/],
    ['!!!', /"!!!" is not a host name or a URL/],
    ['*.temu.com', /is not a host name or a URL/],
    ['temu..com', /is not a host name or a URL/],
    ['user@temu.com', /is not a host name or a URL/],
    ['temu.com:99999', /is not a host name or a URL/],
    ['https://', /is not a valid URL/],
    ['https://[::1/', /is not a valid URL/],
    ['file:///etc/hosts', /has no host name/],
    ['8.8.8.8', /IP address.*--ip 8\.8\.8\.8/],
    ['[::1]', /IP address.*--ip ::1/],
    ['https://127.0.0.1/x', /IP address.*--ip 127\.0\.0\.1/],
    ['127.0.0.1/x', /IP address/],
  ])('%j is an error', (input, message) => {
    const r = hostOfInput(input);
    expect(r).not.toHaveProperty('host');
    expect((r as { error: string }).error).toMatch(message);
    expect(r.input).toBe(input);
  });
});

describe('inputsFromText', () => {
  it('takes one input per line, without blank lines or comments', () => {
    expect(inputsFromText('www.temu.com\r\n\n  # a comment\n https://shein.com/ \n')).toEqual(['www.temu.com', 'https://shein.com/']);
    expect(inputsFromText('')).toEqual([]);
  });
});

describe('inputSource', () => {
  const none = parseLookupArgs([]);
  it('reads stdin only when the command line names nothing, and never a terminal', () => {
    expect(inputSource(none, false)).toBe('stdin');
    expect(inputSource(none, true)).toBe('usage');
    for (const argv of [['a.example'], [''], ['--bogus'], ['--ip', '1.1.1.1'], ['--fixtures', 'f.json']]) {
      expect(inputSource(parseLookupArgs(argv), true), argv.join(' ')).toBe('arguments');
    }
  });
});
