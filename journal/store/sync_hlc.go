package store

// A hybrid logical clock: wall milliseconds<<16 | a counter. It never runs
// backwards and is raised past every clock received, so a change made after
// seeing another always sorts after it, whatever the computers' clocks say.
type hlcClock struct{ last uint64 }

// next is the clock of an edit made at atMS.
func (c *hlcClock) next(atMS int64) uint64 {
	h := max(c.last+1, uint64(max(atMS, 0))<<16)
	c.last = h
	return h
}

// see raises the clock past a received one.
func (c *hlcClock) see(h uint64) { c.last = max(c.last, h) }

// stamp is a change's place in the order every device agrees on.
type stamp struct {
	HLC    uint64
	Device string
}

func (a stamp) after(b stamp) bool {
	return a.HLC > b.HLC || (a.HLC == b.HLC && a.Device > b.Device)
}
