// Package fetch gets web pages and feeds over HTTP for byline, with the
// limits a reader needs against the open web: a timeout, at most 10
// redirects, a 20 MB cap on the (decompressed) body, gzip, a real
// User-Agent, and conditional GET (ETag / Last-Modified) so that polling a
// feed that has not changed costs one "304 Not Modified".
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/byline/byline/articles"
)

// Defaults for Options' zero values.
const (
	DefaultTimeout      = 30 * time.Second
	DefaultMaxBytes     = 20 << 20
	DefaultMaxRedirects = 10
)

// ErrTooLarge says a response body is larger than the size cap.
var ErrTooLarge = errors.New("response too large")

// ErrTooManyRedirects says a URL redirected more times than allowed (a
// redirect loop, usually).
var ErrTooManyRedirects = errors.New("too many redirects")

// StatusError is a response with a status other than 2xx or 304.
type StatusError struct {
	URL    string
	Code   int
	Status string
}

// Error says which URL answered which status, with no control character
// from either.
func (e *StatusError) Error() string {
	return fmt.Sprintf("%s: HTTP %s", articles.DisplayName(e.URL), articles.Sanitize(e.Status))
}

// Options configure a Client. The zero value gives the defaults.
type Options struct {
	// Version is byline's version for the User-Agent
	// ("byline/<version> (+terminal news reader)"); "" means "dev".
	Version string
	// Timeout bounds a whole request, body included; 0 means DefaultTimeout.
	Timeout time.Duration
	// MaxBytes caps a body after decompression; 0 means DefaultMaxBytes.
	MaxBytes int64
	// MaxRedirects is the most redirects followed; 0 means
	// DefaultMaxRedirects.
	MaxRedirects int
	// Transport, when not nil, replaces http.DefaultTransport (tests).
	Transport http.RoundTripper
}

// Client fetches pages and feeds. It is safe for concurrent use.
type Client struct {
	http      *http.Client
	userAgent string
	maxBytes  int64
}

// New returns a Client configured by o.
func New(o Options) *Client {
	if o.Version == "" {
		o.Version = "dev"
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = DefaultMaxRedirects
	}
	maxRedirects := o.MaxRedirects
	return &Client{
		http: &http.Client{
			Transport: o.Transport,
			Timeout:   o.Timeout,
			CheckRedirect: func(req *http.Request, via []*http.Request) error {
				if len(via) > maxRedirects {
					return fmt.Errorf("%w (more than %d)", ErrTooManyRedirects, maxRedirects)
				}
				return nil
			},
		},
		userAgent: UserAgent(o.Version),
		maxBytes:  o.MaxBytes,
	}
}

// UserAgent is the User-Agent byline sends.
func UserAgent(version string) string {
	return "byline/" + version + " (+terminal news reader)"
}

// Validators are what a server said about a response's version, sent back
// on the next request so that it can answer "not modified".
type Validators struct {
	ETag, LastModified string
}

// Response is a fetched resource.
type Response struct {
	// URL is the final URL, after redirects.
	URL string
	// Body is the decompressed body; nil when NotModified.
	Body []byte
	// ContentType is the Content-Type header.
	ContentType string
	// Validators are the response's ETag and Last-Modified, to pass to the
	// next Get of the same URL (the ones given when NotModified).
	Validators Validators
	// NotModified says the server answered 304: the copy the caller has,
	// described by the Validators it sent, is current.
	NotModified bool
}

// Get fetches rawURL (http or https only). With non-empty validators it
// makes a conditional request, and a 304 answer gives NotModified. Any other
// status than 2xx is a *StatusError; a body over the cap is ErrTooLarge.
func (c *Client) Get(ctx context.Context, rawURL string, v Validators) (*Response, error) {
	name := articles.DisplayName(rawURL) // the URL as an error may show it
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, err
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("%s: only http and https URLs can be fetched", name)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.userAgent)
	req.Header.Set("Accept", "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
	if v.ETag != "" {
		req.Header.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		req.Header.Set("If-Modified-Since", v.LastModified)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		// net/http says `Get "URL": dial tcp ...`: name the URL once.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	defer resp.Body.Close()
	out := &Response{URL: resp.Request.URL.String(), ContentType: resp.Header.Get("Content-Type")}
	if resp.StatusCode == http.StatusNotModified {
		out.NotModified, out.Validators = true, v
		return out, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, &StatusError{URL: rawURL, Code: resp.StatusCode, Status: resp.Status}
	}
	if resp.ContentLength > c.maxBytes {
		return nil, fmt.Errorf("%s: %w (%d bytes, the limit is %d)", name, ErrTooLarge, resp.ContentLength, c.maxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.maxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if int64(len(body)) > c.maxBytes {
		return nil, fmt.Errorf("%s: %w (more than %d bytes)", name, ErrTooLarge, c.maxBytes)
	}
	out.Body = body
	out.Validators = Validators{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}
	return out, nil
}

// Fetch gets rawURL's body unconditionally; it has the shape of
// library.Fetcher.
func (c *Client) Fetch(ctx context.Context, rawURL string) ([]byte, error) {
	r, err := c.Get(ctx, rawURL, Validators{})
	if err != nil {
		return nil, err
	}
	return r.Body, nil
}
