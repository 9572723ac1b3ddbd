    </main>
    <footer>
      <p>${config.site_description}.</p>
    </footer>
  </body>
</html>
