/**
 * Ends the run with the plain line CI reads: "Tests: N passed, N failed, N skipped". Jest adds its
 * own summary reporter after every custom one, so the line is written as the process exits, to
 * stay the very last line of the output.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `\nTests: ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped\n`;
    process.once('exit', () => process.stdout.write(line));
  }
}
module.exports = SummaryReporter;
