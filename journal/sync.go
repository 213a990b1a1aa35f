package journal

import "time"

// SyncStatus describes a journal's sync: Folder is "" when sync is off.
type SyncStatus struct {
	Folder     string
	Device     string // this computer's device id in the folder
	DeviceName string
	LastSync   time.Time // zero before the first round
	Devices    []SyncDevice
}

// SyncDevice is one computer sharing the sync folder.
type SyncDevice struct {
	ID, Name string
	LastSeen time.Time
	You      bool // this computer
}

// SyncReport says what one sync round did.
type SyncReport struct {
	Sent, Received int // changes written to the folder, and applied from it
	// Problems has one message for people per device whose changes were
	// refused this round (a damaged or tampered file); the rest still synced.
	Problems []string
}

// BodyVersion is one text of an entry's body kept when two computers
// changed it at once.
type BodyVersion struct {
	Body   string
	At     time.Time
	Device string // the name of the computer that wrote it
}
