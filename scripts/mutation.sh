#!/bin/sh
# Mutation testing of the Atw deadline engine (deadlines.py, _atw_terms.py,
# _atw_trail.py, _feestdagen.py)
# with mutmut 3. Run by hand from the repository root, not in CI:
#
#     .venv/bin/pip install mutmut
#     sh scripts/mutation.sh            # all mutants (about 20-30 minutes)
#     .venv/bin/mutmut results          # the surviving mutants
#     .venv/bin/mutmut show NAME        # one mutant as a diff
#
# The configuration is [tool.mutmut] in pyproject.toml. mutmut copies the
# project to mutants/ (ignored by git) and runs the tests that cover each
# mutated function. Known survivors and why they are kept are listed in
# docs/testing.md, "Mutation testing".
set -eu
MUTMUT="${MUTMUT:-.venv/bin/mutmut}"
export KLACHTRECHT_MUTMUT=1  # tests/conftest.py: the "mutmut" hypothesis profile
rm -rf mutants
"$MUTMUT" run --max-children "${MUTMUT_CHILDREN:-2}" || true
"$MUTMUT" results
