package store

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/chacha20poly1305"

	"github.com/throughline/throughline/journal"
)

// kdfParams are Argon2id's costs, stored with each journal so they can
// be raised later without locking anyone out. RFC 9106's second
// recommended option: 3 passes over 64 MiB with 4 lanes.
type kdfParams struct {
	Time    uint32
	Memory  uint32 // KiB
	Threads uint8
}

var defaultKDF = kdfParams{Time: 3, Memory: 64 * 1024, Threads: 4}

const (
	saltSize = 16
	keySize  = chacha20poly1305.KeySize
	// sealedPrefix marks an encrypted field and its format's version.
	sealedPrefix = "tl1:"
	// keyringAD binds the wrapped data key to its purpose.
	keyringAD = "throughline data key v1"
)

// errOpenFailed is a field that didn't decrypt: a wrong key, or text
// changed on disk.
var errOpenFailed = errors.New("the text couldn't be decrypted: it was changed outside Throughline, or the key is wrong")

// deriveKEK turns a passphrase into the key that wraps the data key.
func deriveKEK(passphrase string, salt []byte, p kdfParams) []byte {
	return argon2.IDKey([]byte(passphrase), salt, p.Time, p.Memory, p.Threads, keySize)
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic("crypto/rand failed: " + err.Error()) // the OS has no randomness; nothing is safe to do
	}
	return b
}

// seal encrypts plain with key, a fresh random nonce in front.
func seal(key, plain, ad []byte) []byte {
	aead, err := chacha20poly1305.NewX(key)
	if err != nil {
		panic(err) // key is always keySize bytes
	}
	nonce := randomBytes(aead.NonceSize())
	return aead.Seal(nonce, nonce, plain, ad)
}

// unseal reverses seal, failing if anything was changed.
func unseal(key, sealed, ad []byte) ([]byte, error) {
	aead, err := chacha20poly1305.NewX(key)
	if err != nil {
		return nil, err
	}
	if len(sealed) < aead.NonceSize()+aead.Overhead() {
		return nil, errOpenFailed
	}
	plain, err := aead.Open(nil, sealed[:aead.NonceSize()], sealed[aead.NonceSize():], ad)
	if err != nil {
		return nil, errOpenFailed
	}
	return plain, nil
}

// dataKeys are what an unlocked journal holds in memory: the key that
// encrypts every field, and one derived from it for name look-ups.
type dataKeys struct {
	data  []byte
	names []byte
}

func newDataKeys(data []byte) *dataKeys {
	mac := hmac.New(sha256.New, data)
	mac.Write([]byte("throughline name keys v1"))
	return &dataKeys{data: data, names: mac.Sum(nil)}
}

// wipe overwrites the keys, so a locked journal leaves them nowhere in
// the process's memory that Go lets us reach.
func (k *dataKeys) wipe() {
	clear(k.data)
	clear(k.names)
}

// nameKey is a name's look-up key: a keyed hash, so names can be found
// and kept unique without being readable on disk.
func (k *dataKeys) nameKey(name string) string {
	mac := hmac.New(sha256.New, k.names)
	mac.Write([]byte(journal.NameKey(name)))
	return "k1:" + hex.EncodeToString(mac.Sum(nil)[:16])
}

// fieldAD binds a field's ciphertext to its table, column and row, so a
// value can't be moved elsewhere unnoticed.
func fieldAD(f Field) []byte {
	return []byte(f.Table + "\x00" + f.Column + "\x00" + strconv.FormatInt(f.RowID, 10))
}

// sealedText is the codec of an unlocked encrypted journal:
// XChaCha20-Poly1305 per field. Empty text stays empty, so an untitled
// entry needs no ciphertext; its being empty is all that shows.
type sealedText struct{ keys *dataKeys }

func (c sealedText) Seal(f Field, plain string) (string, error) {
	if plain == "" {
		return "", nil
	}
	return sealedPrefix + base64.RawStdEncoding.EncodeToString(seal(c.keys.data, []byte(plain), fieldAD(f))), nil
}

func (c sealedText) Open(f Field, stored string) (string, error) {
	if stored == "" {
		return "", nil
	}
	encoded, ok := strings.CutPrefix(stored, sealedPrefix)
	if !ok {
		return "", errOpenFailed // plain text where ciphertext belongs
	}
	sealed, err := base64.RawStdEncoding.DecodeString(encoded)
	if err != nil {
		return "", errOpenFailed
	}
	plain, err := unseal(c.keys.data, sealed, fieldAD(f))
	return string(plain), err
}

// lockedText is the codec of a locked encrypted journal: nothing can be
// read or written until the passphrase is given.
type lockedText struct{}

var errLocked = journal.Errorf(journal.ELocked, "The journal is locked. Unlock it with your passphrase first.")

func (lockedText) Seal(Field, string) (string, error) { return "", errLocked }
func (lockedText) Open(Field, string) (string, error) { return "", errLocked }
