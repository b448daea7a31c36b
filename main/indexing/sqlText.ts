/** A string as a LanceDB SQL literal: quoted, with its single quotes doubled. */
export const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;
