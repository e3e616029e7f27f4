package entities

// TagStrings tags sentences with the embedded weights, for the accuracy
// test in package entities_test (which imports package articles and so
// cannot be an internal test).
func TagStrings(words [][]string) [][]string {
	r, err := load()
	if err != nil {
		panic(err)
	}
	return r.m.TagStrings(words)
}

// ProcessCPU is processCPU, for the benchmarks in package entities_test.
var ProcessCPU = processCPU
