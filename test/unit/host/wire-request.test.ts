import { describe, expect, it } from 'vitest';
import { parseWireRequest } from '../../../main/host/wire-request';

describe('parseWireRequest', () => {
  it('reads a well-formed request', () => {
    expect(parseWireRequest('{"id":7,"method":"info","params":[]}')).toEqual({ ok: true, id: 7, method: 'info', params: [] });
  });

  it('answers JSON that is not a request object with an error to id -1, without throwing', () => {
    for (const text of ['null', '[]', '[1,2]', '42', '"info"', 'true']) {
      expect(parseWireRequest(text), text).toEqual({ ok: false, id: -1, message: 'A request must be a JSON object {"id", "method", "params"}.' });
    }
    expect(parseWireRequest('{not json')).toMatchObject({ ok: false, id: -1, message: expect.stringContaining('must be JSON') });
    expect(parseWireRequest('')).toMatchObject({ ok: false, id: -1 });
  });

  it('needs an integer id', () => {
    for (const text of ['{"method":"info"}', '{"id":"1","method":"info"}', '{"id":1.5,"method":"info"}', '{"id":null,"method":"info"}']) {
      expect(parseWireRequest(text), text).toEqual({ ok: false, id: -1, message: 'A request needs an integer "id".' });
    }
  });

  it('refuses unknown methods, prototype names included, answering to the request id', () => {
    expect(parseWireRequest('{"id":3,"method":"dropTables","params":[]}')).toEqual({ ok: false, id: 3, message: 'Unknown API method ("dropTables").' });
    expect(parseWireRequest('{"id":4,"method":"constructor","params":[]}')).toMatchObject({ ok: false, id: 4 });
    expect(parseWireRequest('{"id":5,"method":"__proto__","params":[]}')).toMatchObject({ ok: false, id: 5 });
    expect(parseWireRequest('{"id":6,"params":[]}')).toEqual({ ok: false, id: 6, message: 'Unknown API method (missing or not a string).' });
  });
});
