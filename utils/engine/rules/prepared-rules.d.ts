/** Answered by modules/prepared-rules.ts at build time. */
declare module 'virtual:basira/prepared-rules' {
  const prepared: import('./compile').PreparedRules;
  export default prepared;
}
