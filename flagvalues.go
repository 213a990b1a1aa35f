package main

import "strconv"

// optionalString is a string flag that remembers whether it was given.
type optionalString struct {
	value string
	set   bool
}

func (o *optionalString) String() string { return o.value }
func (o *optionalString) Set(s string) error {
	o.value, o.set = s, true
	return nil
}

// optionalBool is a bool flag that remembers whether it was given, so
// `edit --flag=false` can clear the flag.
type optionalBool struct {
	value bool
	set   bool
}

func (o *optionalBool) String() string   { return strconv.FormatBool(o.value) }
func (o *optionalBool) IsBoolFlag() bool { return true }
func (o *optionalBool) Set(s string) error {
	v, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	o.value, o.set = v, true
	return nil
}

// listFlag collects a repeatable flag.
type listFlag struct {
	values []string
	set    bool
}

func (l *listFlag) String() string { return "" }
func (l *listFlag) Set(s string) error {
	l.values, l.set = append(l.values, s), true
	return nil
}
