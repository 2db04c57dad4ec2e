/** Mutation runs (`npm run mutate`) repeat the suite per mutant: fewer property samples keep them short. */
import fc from "fast-check";

fc.configureGlobal({ numRuns: 25 });
