# syntax=docker/dockerfile:1
# Hardcandy in a container: the binary only, running as a non-root user.
#
#   docker build -t hardcandy .
#   docker run -p 8080:8080 -v hardcandy-data:/data hardcandy serve --demo
#
# The embedded SQLite driver is C (cgo), so the binary links the C library dynamically: the
# build and run stages must share it. Both are Debian 12 (bookworm, glibc 2.36); an Alpine
# (musl) runtime would not start the binary.

FROM golang:1.26-bookworm AS build
WORKDIR /src
# Modules first, so editing code does not download them again.
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=1 go build -trimpath -buildvcs=false -ldflags="-s -w" -o /out/hardcandy . \
 && mkdir -p /out/data

# distroless/base: glibc, CA certificates and time zones, no shell; "nonroot" is uid 65532.
FROM gcr.io/distroless/base-debian12:nonroot
COPY --from=build /out/hardcandy /usr/local/bin/hardcandy
# The SQLite file and the generated credentials key live in the working directory.
COPY --from=build --chown=65532:65532 /out/data /data
WORKDIR /data
VOLUME /data
USER 65532:65532
ENV HARDCANDY_ADDR=0.0.0.0:8080
EXPOSE 8080
# Probes: GET /healthz (alive) and /readyz (database open, migrated and answering).
ENTRYPOINT ["/usr/local/bin/hardcandy"]
CMD ["serve"]
