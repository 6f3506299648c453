service {
  name = "svc"
  container {
    image = "nginx"
  }
}
