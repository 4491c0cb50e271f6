// ping: a trivial query that proves the store answers
// params: none
// returns: ok (int)
RETURN 1 AS ok
