import { describe, expect, it } from 'vitest';
import { simpleRequestRefusal } from './mutation-policy';

describe('simpleRequestRefusal', () => {
  it('refuses every body an HTML form or a no-cors fetch can send', () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'text/plain; charset=utf-8',
    ]) {
      expect(simpleRequestRefusal('POST', { 'content-type': type, 'content-length': '10' }), type).toMatch(/application\/json/);
      expect(simpleRequestRefusal('PATCH', { 'content-type': type, 'content-length': '10' }), type).not.toBeNull();
    }
    expect(simpleRequestRefusal('POST', { 'content-length': '10' })).not.toBeNull();
  });

  it('refuses a bare POST, which a form can send, unless it says JSON or carries X-Poolscope', () => {
    expect(simpleRequestRefusal('POST', {})).toMatch(/X-Poolscope/);
    expect(simpleRequestRefusal('POST', { 'x-poolscope': '1' })).toBeNull();
    expect(simpleRequestRefusal('POST', { 'content-type': 'application/json' })).toBeNull();
  });

  it('accepts JSON bodies and body-less PATCH, PUT and DELETE, which no page can send cross-site without a preflight', () => {
    expect(simpleRequestRefusal('PATCH', { 'content-type': 'application/json; charset=utf-8', 'content-length': '2' })).toBeNull();
    expect(simpleRequestRefusal('POST', { 'content-type': 'Application/JSON', 'transfer-encoding': 'chunked' })).toBeNull();
    expect(simpleRequestRefusal('DELETE', {})).toBeNull();
    expect(simpleRequestRefusal('PUT', {})).toBeNull();
  });
});
