import { expect } from '@open-wc/testing';
import { ApiError } from '../../widgets/api-helper/errors.js';

/** The ApiError `promise` rejects with; fails the test when it resolves or throws anything else. */
export async function apiFailure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => new Error('expected the call to fail'),
    (e: unknown) => e,
  );
  expect(error).to.be.instanceOf(ApiError);
  return error as ApiError;
}
