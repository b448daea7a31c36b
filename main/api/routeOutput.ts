/** A route's output type, carried by the contract without a runtime schema. */
export const returns = <T>() => undefined as unknown as T;
