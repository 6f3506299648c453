# PostgreSQL for other services. Not public: services find it through Consul
# (postgres.service.consul); the port is dynamic, so nothing on the node is exposed.
service {
  name        = "postgres"
  description = "PostgreSQL database"

  container {
    image = "postgres:17.5"
    ports = [
      { internal = 5432 }
    ]
  }

  resources {
    cpu    = 500
    memory = 512
  }
  volume {
    name = "postgres-data"
    path = "/var/lib/postgresql/data"
  }
  env {
    POSTGRES_USER     = "homelab"
    POSTGRES_PASSWORD = "vault:secret/postgres#password"
    PGDATA            = "/var/lib/postgresql/data/pgdata"   # a subfolder, so the volume root may hold lost+found
  }
  public_access = false
}
