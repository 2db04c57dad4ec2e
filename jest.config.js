/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: { "^.+\\.(t|j)sx?$": ["@swc/jest", { jsc: { target: "es2022", parser: { syntax: "typescript" } } }] },
  transformIgnorePatterns: ["/node_modules/(?!(csv-parse)/)"],
  testTimeout: 30000,
  // Fails any test that prints a NIK, KK or health detail (test/reliability/noSecretsInLogs.ts).
  setupFilesAfterEnv: ["<rootDir>/test/reliability/noSecretsInLogs.ts"],
  reporters: ["default", "<rootDir>/test/summary-reporter.js"],
};
