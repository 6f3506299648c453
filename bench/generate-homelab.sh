#!/usr/bin/env bash
# Writes a homelab with N generated services into DIR (a mix of the shapes real labs use:
# static and dynamic ports, volumes, Vault-backed env, health checks, public routes).
# Usage: bench/generate-homelab.sh N DIR
set -euo pipefail
n=${1:?usage: generate-homelab.sh N DIR}
dir=${2:?usage: generate-homelab.sh N DIR}
rm -rf "$dir"
mkdir -p "$dir/services"
# Traefik and Authelia as in the example homelab (half of the services set auth = true).
cat > "$dir/homelab.yaml" <<'YAML'
homelab:
  domain: lab.example.com
reverse_proxy:
  provider: traefik
  config:
    acme_email: admin@lab.example.com
auth:
  provider: authelia
  config:
    subdomain: auth
    jwt_secret: vault:secret/authelia#jwt_secret
    session_secret: vault:secret/authelia#session_secret
    storage_encryption_key: vault:secret/authelia#storage_encryption_key
YAML
for ((i = 0; i < n; i++)); do
  name="svc-$i"
  mkdir -p "$dir/services/$name"
  cat > "$dir/services/$name/service.hcl" <<HCL
# generated service $i
service {
  name        = "$name"
  description = "Generated service number $i"

  container {
    image = "ghcr.io/example/app-$((i % 50)):1.$((i % 10)).0"
    ports = [
      { internal = 8080 },
      { internal = 9000, external = $((20000 + i)) },
    ]
    args = ["--listen", ":8080", "--id", "$i"]
  }

  resources {
    cpu    = $((100 + i % 400))
    memory = $((128 + i % 512))
  }
  volume {
    name = "$name-data"
    path = "/data"
  }
  env {
    TZ          = "Europe/Berlin"
    LOG_LEVEL   = "info"
    DB_PASSWORD = "vault:secret/$name#db_password"
  }
  public_access = true
  auth          = $([[ $((i % 2)) == 0 ]] && echo true || echo false)
  health { path = "/health" }
}
HCL
done
